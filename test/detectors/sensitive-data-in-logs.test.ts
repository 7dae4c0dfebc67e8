import { describe, expect, it } from "@jest/globals";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { sensitiveDataInLogs } from "../../src/detectors/sensitive-data-in-logs.js";
import { buildAddedFile } from "./build-added-file.js";

function findLines(path: string, code: string): number[] {
  return runDetectors([buildAddedFile(path, code)], { detectors: [sensitiveDataInLogs] }).map((f) => f.line);
}

describe("sensitive-data-in-logs", () => {
  it.each([
    {
      name: "logrus fields and klog/glog calls",
      path: "svc/auth.go",
      code: 'package svc\n\nfunc f() {\n\tlogrus.WithField("token", tok).Info("login")\n\tklog.Infof("auth %s", r.Header.Get("Authorization"))\n\tglog.Info(password)\n}\n',
      lines: [4, 5, 6],
    },
    {
      name: "log.Panic and a numbered variable",
      path: "svc/auth.go",
      code: "package svc\n\nfunc f() {\n\tlog.Panic(password)\n\tlog.Println(name + password1.String())\n}\n",
      lines: [4, 5],
    },
    {
      name: "any Python logger object, print of a getter, sys.stderr",
      path: "app/auth.py",
      code: 'import sys\nfoo = LOGGER\nfoo.info("pw %s", password)\nprint(get_password())\nsys.stderr.write(api_key)\nlogging.root.info("t %s", token)\n',
      lines: [3, 4, 5, 6],
    },
    {
      name: "logging wrappers and logger fields",
      path: "src/auth.ts",
      code: 'logError("login failed", { password });\nthis.appLogger.info("token " + accessToken);\nreq.log.warn({ authorization: req.headers.authorization });\n',
      lines: [1, 2, 3],
    },
    {
      name: "a Java logger field and a qualified secret name",
      path: "src/main/java/A.java",
      code: 'class A {\n  void f(String secretValue) {\n    this.auditLog.info("v: " + secretValue);\n  }\n}\n',
      lines: [3],
    },
  ])("reports $name", ({ path, code, lines }) => {
    expect(findLines(path, code)).toEqual(lines);
  });

  it.each([
    {
      name: "pagination cursors and secret metadata",
      path: "src/main/java/A.java",
      code: 'class A {\n  void f(String nextToken, String secretName, String tokenType) {\n    logger.info("c: " + nextToken);\n    logger.info("n: " + secretName);\n    logger.info("t: " + tokenType);\n  }\n}\n',
    },
    {
      name: "hashed, digested or encrypted secrets",
      path: "src/main/java/A.java",
      code: 'class A {\n  void f(String password, String authToken) {\n    logger.info("h: " + sha256Digest(authToken));\n    logger.info("e: " + encryptValue(password));\n  }\n}\n',
    },
    {
      name: "encrypted fields and a Go struct key whose value is hashed",
      path: "svc/auth.go",
      code: "package svc\n\nfunc f() {\n\tlog.Println(login.encryptedPassword)\n\tlog.Println(passStruct{password: crypt(pw)})\n}\n",
    },
    {
      name: "a non-logging .info/.error call with a secret-free message",
      path: "app/views.py",
      code: 'messages.error(request, "Wrong password")\nform.info("token field")\n',
    },
  ])("does not report $name", ({ path, code }) => {
    expect(findLines(path, code)).toEqual([]);
  });
});
