// expect: http-client-without-timeout@11
package com.acme.integrations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class PartnerClient {
    private final HttpClient client = HttpClient.newHttpClient();

    public String fetchCatalog(String partnerId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://partners.example.com/" + partnerId + "/catalog")).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
