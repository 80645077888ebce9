package io.vizora.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PushGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PushGatewayApplication.class, args);
    }
}
