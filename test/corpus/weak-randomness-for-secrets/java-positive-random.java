// expect: weak-randomness-for-secrets@10
package com.acme.auth;

import java.util.Random;

public class OtpService {
    private final Random random = new Random();

    public String generateOtp() {
        int code = 100000 + random.nextInt(900000);
        return String.valueOf(code);
    }
}
