// expect: jwt-without-verification@14
package com.acme.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.servlet.http.HttpServletRequest;

public class TokenUserResolver {
    public String resolveUserId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        DecodedJWT jwt = JWT.decode(header.substring(7));
        return jwt.getSubject();
    }
}
