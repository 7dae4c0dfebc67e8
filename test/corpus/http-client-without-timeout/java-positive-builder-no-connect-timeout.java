// expect: http-client-without-timeout@9
package com.acme.integrations;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

public class ClientFactory {
    public static HttpClient create() {
        return HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(Executors.newFixedThreadPool(4))
            .build();
    }
}
