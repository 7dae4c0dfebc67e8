// expect: cors-any-origin-with-credentials@11
package com.acme.config;

import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

public class SafeWebConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOrigins("https://app.acme.com").allowCredentials(true);
        registry.addMapping("/public/**").allowedOrigins("*");
    }
}
