import { describe, expect, it } from "@jest/globals";
import { httpClientWithoutTimeout } from "../../src/detectors/http-client-without-timeout.js";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { buildAddedFile } from "./build-added-file.js";

function findLines(path: string, code: string): number[] {
  return runDetectors([buildAddedFile(path, code)], { detectors: [httpClientWithoutTimeout] }).map(
    (f) => f.line,
  );
}

describe("http-client-without-timeout", () => {
  it.each([
    {
      name: "a requests session call (the session has no default timeout)",
      path: "app/client.py",
      code: "import requests\n\ns = requests.Session()\nr = s.get(url)\nr = requests.Session().post(url, json=body)\n",
      lines: [4, 5],
    },
    {
      name: "a function imported from requests",
      path: "app/client.py",
      code: "from requests import get, post\n\nr = post(url)\nr = get(url, timeout=3)\n",
      lines: [3],
    },
    {
      name: "an explicit timeout=None (requests and httpx)",
      path: "app/client.py",
      code: "import requests, httpx\nrequests.get(url, timeout=None)\nhttpx.get(url, timeout=None)\nhttpx.Client(timeout=None)\n",
      lines: [2, 3, 4],
    },
    {
      name: "calls on a Go client built without a Timeout (reported at the calls)",
      path: "svc/client.go",
      code: 'package svc\n\nfunc f() {\n\tcli := &http.Client{}\n\tcli.Get("https://a")\n\tcli.Do(req)\n}\n',
      lines: [5, 6],
    },
  ])("reports $name", ({ path, code, lines }) => {
    expect(findLines(path, code)).toEqual(lines);
  });

  it.each([
    {
      name: "httpx without a timeout argument (httpx has a 5 s default)",
      path: "app/client.py",
      code: "import httpx\nhttpx.get(url)\nwith httpx.Client() as c:\n    c.get(url)\n",
    },
    {
      name: "a get() that is not requests' (dict.get, a local function)",
      path: "app/client.py",
      code: "from flask import request\n\nv = request.args.get('q')\nd = get(key)\n",
    },
    {
      name: "a Go client with a Timeout",
      path: "svc/client.go",
      code: 'package svc\n\nfunc f() {\n\tcli := &http.Client{Timeout: 5 * time.Second}\n\tcli.Get("https://a")\n}\n',
    },
  ])("does not report $name", ({ path, code }) => {
    expect(findLines(path, code)).toEqual([]);
  });
});
