/** Test code: what it calls and registers is not part of the running system. */
export function isTestPath(path: string): boolean {
  return /(^|\/)(?:__tests__|tests?|spec|testdata|fixtures|e2e)\/|[._-](?:test|spec)\.[\w]+$|_test\.go$|(^|\/)test_[^/]+\.py$|Tests?\.java$/.test(
    path,
  );
}
