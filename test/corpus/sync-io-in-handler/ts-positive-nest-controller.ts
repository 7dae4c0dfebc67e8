// expect: sync-io-in-handler@10, sync-io-in-handler@11
import { Controller, Get, Param } from "@nestjs/common";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

@Controller("archives")
export class ArchiveController {
  @Get(":id")
  read(@Param("id") id: string) {
    const compressed = readFileSync(`/var/archives/${id}.gz`);
    return gunzipSync(compressed).toString("utf8");
  }
}
