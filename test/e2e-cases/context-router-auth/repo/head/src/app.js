import express from "express";
import { requireAuth } from "./middleware/auth.js";
import { usersRouter } from "./routes/users.js";
import { adminRouter } from "./routes/admin.js";

export const app = express();
app.use(express.json());
app.use("/users", requireAuth, usersRouter);
app.use("/admin", adminRouter);
