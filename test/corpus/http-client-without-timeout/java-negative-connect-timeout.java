// expect: none
package com.acme.integrations;

import java.net.http.HttpClient;
import java.time.Duration;

public class SafeClientFactory {
    public static HttpClient create() {
        return HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    }
}
