import { afterAll } from "@jest/globals";
import nock from "nock";

// nock patches Node's http and fetch for the whole worker process; a patch left behind by one test
// file would intercept the next file's real loopback requests with a torn-down module. Each file
// starts with its own nock (imported here) and leaves nothing patched.
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});
