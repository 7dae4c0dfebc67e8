// expect: none
package com.acme.auth;

import java.security.SecureRandom;
import java.util.Random;

public class SafeOtpService {
    private final SecureRandom random = new SecureRandom();
    private final Random jitterSource = new Random();

    public String generateOtp() {
        return String.valueOf(100000 + random.nextInt(900000));
    }

    public long retryDelayMillis(int attempt) {
        long backoff = (1L << attempt) * 100;
        return backoff + jitterSource.nextInt(100);
    }
}
