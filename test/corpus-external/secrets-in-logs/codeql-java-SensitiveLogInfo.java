// source: github/codeql@02a3729c46ea:java/ql/test/query-tests/security/CWE-532/Test.java licence: MIT
// expect: sensitive-data-in-logs@13, sensitive-data-in-logs@14, sensitive-data-in-logs@23, sensitive-data-in-logs@24, sensitive-data-in-logs@33, sensitive-data-in-logs@77, sensitive-data-in-logs@78, sensitive-data-in-logs@79, sensitive-data-in-logs@80, sensitive-data-in-logs@81, sensitive-data-in-logs@82, sensitive-data-in-logs@83, sensitive-data-in-logs@84
import org.apache.logging.log4j.Logger;

class Test {
    void test(String password, String authToken, String username, String nullToken, String stringTokenizer) {
        Logger logger = null;
        int zero = 0;
        int four = 4;
        short zeroS = 0;
        long fourL = 4L;

        logger.info("User's password is: " + password);
        logger.error("Auth failed for: " + authToken);
        logger.error("Auth failed for: " + username);
        logger.error("Auth failed for: " + nullToken);
        logger.error("Auth failed for: " + stringTokenizer);
        logger.error("Auth failed for: " + authToken.substring(4) + "...");
        logger.error("Auth failed for: " + authToken.substring(four) + "...");
        logger.error("Auth failed for: " + authToken.substring(0,4) + "...");
        logger.error("Auth failed for: " + authToken.substring(zero,four) + "...");
        logger.error("Auth failed for: " + authToken.substring((int)zeroS,(int)fourL) + "...");
        logger.error("Auth failed for: " + authToken.substring(1,5) + "...");
        logger.error("Auth failed for: " + authToken.substring(0,8) + "...");
    }

    // Tests for hash/encryption sanitizer
    void testHashSanitizer(String password, String authToken) {
        Logger logger = null;
        logger.info("hash: " + hashPassword(password));
        logger.info("hash: " + sha256Digest(authToken));
        logger.info("enc: " + encryptValue(password));
        logger.info("pw: " + password);
    }

    // Tests for false positive exclusions: variables with "token" or "secret" in the name
    // that do not hold sensitive data.
    void testFalsePositiveExclusions(
        String nextToken, String pageToken, String continuationToken, String cursorToken,
        String tokenType, String tokenEndpoint, String tokenCount, String tokenUrl,
        String tokenIndex, String tokenLength, String tokenName, String tokenId,
        String secretName, String secretId, String secretVersion, String secretArn,
        String secretPath, String secretType,
        String secretManager, String secretProperties
    ) {
        Logger logger = null;
        // Pagination/iteration tokens (e.g., AWS SDK, GCP, Azure pagination cursors)
        logger.info("cursor: " + nextToken);
        logger.info("cursor: " + pageToken);
        logger.info("cursor: " + continuationToken);
        logger.info("cursor: " + cursorToken);
        // Token metadata (e.g., OAuth token type, OIDC discovery endpoint)
        logger.info("type: " + tokenType);
        logger.info("endpoint: " + tokenEndpoint);
        logger.info("count: " + tokenCount);
        logger.info("url: " + tokenUrl);
        logger.info("index: " + tokenIndex);
        logger.info("length: " + tokenLength);
        logger.info("name: " + tokenName);
        logger.info("id: " + tokenId);
        // Secret metadata (e.g., K8s secret name, AWS Secrets Manager identifiers)
        logger.info("name: " + secretName);
        logger.info("id: " + secretId);
        logger.info("version: " + secretVersion);
        logger.info("arn: " + secretArn);
        logger.info("path: " + secretPath);
        logger.info("type: " + secretType);
        logger.info("manager: " + secretManager);
        logger.info("properties: " + secretProperties);
    }

    // These should still be flagged as sensitive
    void testTruePositives(String accessToken, String clientSecret, String apiSecret,
                           String sessionToken, String bearerToken, String secretKey,
                           String refreshToken, String secretValue) {
        Logger logger = null;
        logger.info("token: " + accessToken);
        logger.info("secret: " + clientSecret);
        logger.info("secret: " + apiSecret);
        logger.info("token: " + sessionToken);
        logger.info("token: " + bearerToken);
        logger.info("key: " + secretKey);
        logger.info("token: " + refreshToken);
        logger.info("value: " + secretValue);
    }

    static String hashPassword(String input) { return input; }
    static String sha256Digest(String input) { return input; }
    static String encryptValue(String input) { return input; }
}
