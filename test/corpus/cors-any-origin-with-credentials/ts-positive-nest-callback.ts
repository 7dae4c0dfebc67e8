// expect: cors-any-origin-with-credentials@7
import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app.module.js";

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: (origin, callback) => callback(null, true), credentials: true });
  await app.listen(3000);
}

void bootstrap();
