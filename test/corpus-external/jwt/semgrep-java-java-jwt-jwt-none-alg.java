// source: semgrep/semgrep-rules@157ae4706d7f54aa33647332f234dd68f30da195:java/java-jwt/security/jwt-none-alg.java licence: LicenseRef-LGPL-2.1-only-with-Commons-Clause
// expect: jwt-without-verification@15, jwt-without-verification@27
package jwt_test.jwt_test_1;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTCreationException;

public class App
{

    private static void bad1() {
        try {
            // ruleid: java-jwt-none-alg
            Algorithm algorithm = Algorithm.none();
            String token = JWT.create()
                .withIssuer("auth0")
                .sign(algorithm);
        } catch (JWTCreationException exception){
            //Invalid Signing configuration / Couldn't convert Claims.
        }
    }

    private static void bad2() {
        try {
            // ruleid: java-jwt-none-alg
            String token = JWT.create()
                .withIssuer("auth0")
                .sign(Algorithm.none());
        } catch (JWTCreationException exception){
            //Invalid Signing configuration / Couldn't convert Claims.
        }
    }

    private static void ok1(String secretKey) {
        try {
            // ok: java-jwt-none-alg
            Algorithm algorithm = Algorithm.HMAC256(secretKey);
            String token = JWT.create()
                .withIssuer("auth0")
                .sign(algorithm);
        } catch (JWTCreationException exception){
            //Invalid Signing configuration / Couldn't convert Claims.
        }
    }

    public static void main( String[] args )
    {
        bad1();
        bad2();
        ok1(args[0]);
    }
}
