// expect: none
package com.acme.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

public class TokenVerifier {
    private final Algorithm algorithm;

    public TokenVerifier(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    public String verify(String token) {
        DecodedJWT unverified = JWT.decode(token);
        DecodedJWT verified = JWT.require(algorithm).withIssuer("auth.acme.com").build().verify(token);
        return verified.getSubject() + unverified.getKeyId();
    }
}
