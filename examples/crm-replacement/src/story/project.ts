/** The project's id: one log holds one project. */
export const PROJECT_ID = "orbit-crm";

/** Steps on the project aggregate name it with this field. */
export const onProject = { projectId: PROJECT_ID } as const;
