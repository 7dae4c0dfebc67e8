// expect: sensitive-data-in-logs@11, sensitive-data-in-logs@13
package com.acme.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class LoginService {
    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    public Session login(LoginRequest request) {
        log.debug("Login request for {} with password {}", request.getEmail(), request.getPassword());
        Session session = authenticate(request);
        log.info("Created session {} for {}", session.getToken(), request.getEmail());
        return session;
    }
}
