// expect: tls-verification-disabled@7
import https from "node:https";
import axios from "axios";

const agent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false,
});

export const inventory = axios.create({ baseURL: "https://inventory.internal", httpsAgent: agent, timeout: 5000 });
