// A server-sent events client on a real socket, for the live notification stream's tests.

import { request as httpRequest, type IncomingMessage } from "node:http";

/** A notification as the stream sends it. */
export interface NotificationJson {
  id: number;
  ticketNumber: number | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** A server-sent events client on a real socket: the events and comments it got, in order. */
export interface StreamClient<D = NotificationJson> {
  status: number;
  headers: IncomingMessage["headers"];
  events: { id: string; event: string; data: D }[];
  comments: string[];
  ended: Promise<void>;
  close(): void;
}

export function openStream(base: string, headers: Record<string, string>): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/api/v1/notifications/stream`, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      let buffer = "";
      let endResolve: () => void = () => undefined;
      const client: StreamClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        ended: new Promise<void>((done) => (endResolve = done)),
        close: () => req.destroy(),
      };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) client.comments.push(line.slice(1).trim());
            else if (line.includes(":")) fields[line.slice(0, line.indexOf(":"))] = line.slice(line.indexOf(":") + 1).trim();
          }
          if (fields.data !== undefined)
            client.events.push({ id: fields.id ?? "", event: fields.event ?? "message", data: JSON.parse(fields.data) as NotificationJson });
        }
      });
      res.on("end", () => endResolve());
      res.on("close", () => endResolve());
      resolve(client);
    });
    req.on("error", reject);
    req.end();
  });
}
