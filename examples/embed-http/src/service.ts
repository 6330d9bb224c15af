import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHandover, type Handover, type ReadinessSource } from "@handover/engine";
import { toSignOffReadiness, transitionReadiness } from "@handover/projections";
import { openSqliteEventStore } from "@handover/store-sqlite";
import type { Credentials } from "./credentials.js";
import { createRequestHandler } from "./router.js";

/** Sign-off readiness from the projections' transition readiness as of the sign-off's business time. */
export const projectionsReadiness: ReadinessSource = async ({ log, projectId, at }) => toSignOffReadiness(await transitionReadiness(log(), projectId, { asOf: at }));

/** Options of `startService`. */
export interface ServiceOptions {
  /** The SQLite file of the log; created when it does not exist. */
  readonly database: string;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Who may call the service: every request needs a bearer token these credentials know; the token's actor issues the commands. */
  readonly credentials: Credentials;
  /** Where errors the routes did not expect are reported (default: nowhere). */
  readonly report?: (error: unknown) => void;
}

/** A running service: where it listens, the Handover it embeds, and how to stop both. */
export interface RunningService {
  readonly url: string;
  readonly handover: Handover;
  readonly server: Server;
  close(): Promise<void>;
}

/** Opens the SQLite log, embeds a Handover over it and listens for HTTP. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const store = openSqliteEventStore({ path: options.database });
  const handover = createHandover({ store, readiness: projectionsReadiness });
  const server = createServer(createRequestHandler(handover, options.credentials, options.report));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    handover,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await handover.close();
    },
  };
}
