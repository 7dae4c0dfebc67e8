// expect: none
package com.acme.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class SafeLoginService {
    private static final Logger log = LoggerFactory.getLogger(SafeLoginService.class);

    public Session login(LoginRequest request) {
        log.debug("Login request for {}", request.getEmail());
        Session session = authenticate(request);
        log.info("Created session for user {} expiring at {}", session.getUserId(), session.getExpiresAt());
        return session;
    }
}
