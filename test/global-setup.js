// Jest globalSetup: the queue tests use a real Redis. Without one, say so at once and how to start it,
// instead of letting every Redis test hang until its timeout.
import { connect } from "node:net";

const host = "127.0.0.1";
const port = 6379;

function ping() {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

export default async function globalSetup() {
  if (await ping()) return;
  throw new Error(
    `npm test needs Redis on ${host}:${port} (the queue tests run against a real one), and nothing answered PING there.\n` +
      "Start one, then run the tests again:\n" +
      "  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no\n" +
      "  (Debian/Ubuntu: apt-get install redis-server; or: docker run -d -p 127.0.0.1:6379:6379 redis:7)\n" +
      "`bash .ci/run` installs and starts it by itself.",
  );
}
