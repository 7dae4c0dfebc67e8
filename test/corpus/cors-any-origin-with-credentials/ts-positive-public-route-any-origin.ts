// expect: cors-any-origin-with-credentials@13
import cors from "cors";
import express from "express";

const allowed = new Set(["https://app.acme.com", "https://admin.acme.com"]);
const app = express();
app.use(
  cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
  }),
);
app.use("/public", cors({ origin: "*" }));
app.use("/embed", cors({ origin: ["https://partner.example.com"], credentials: true }));

export default app;
