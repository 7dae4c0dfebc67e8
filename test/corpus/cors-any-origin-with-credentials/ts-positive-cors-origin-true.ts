// expect: cors-any-origin-with-credentials@7
import cors from "cors";
import express from "express";

const app = express();
app.use(
  cors({
    origin: true,
    credentials: true,
    methods: ["GET", "POST", "PUT", "DELETE"],
  }),
);

export default app;
