package io.vizora.platform.edge;

import io.lettuce.core.RedisURI;
import io.vizora.platform.security.RevocationLedger;
import io.vizora.platform.security.RevocationMirror;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import io.vizora.platform.security.AccessRevocations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.JacksonModule;

import java.time.Clock;
import java.time.Duration;

/**
 * The edge every HTTP service shares: request ids, problem details for requests refused before
 * any controller (the firewall's included), clean text, rate limits and access revocations.
 */
@AutoConfiguration(after = DataRedisReactiveAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
public class EdgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter() {
        return new ProblemWriter();
    }

    @Bean
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    JacksonModule cleanTextModule() {
        return CleanText.jacksonModule();
    }

    /** Right after the request id, before security and rate limits: nothing downstream sees such text. */
    @Bean
    @Order(-300)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    WebFilter cleanTextFilter(ProblemWriter problems) {
        return new CleanTextFilter(problems);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebFilterChainProxy.class)
    static class Firewall {

        /** The firewall refuses encoded slashes, NUL and the like before anything else: with a problem detail. */
        @Bean
        static BeanPostProcessor firewallProblems(ObjectProvider<ProblemWriter> problems) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof WebFilterChainProxy proxy) {
                        proxy.setFirewall(firewall());
                        proxy.setExchangeRejectedHandler((exchange, rejected) -> problems.getObject().write(exchange, HttpStatus.BAD_REQUEST,
                                "The request's address is not accepted: it contains an encoded character or a sequence that is not allowed."));
                    }
                    return bean;
                }
            };
        }

        /** Spring Security's strict firewall, its rule for headers checked without regular expressions. */
        private static StrictServerWebExchangeFirewall firewall() {
            var firewall = new StrictServerWebExchangeFirewall();
            firewall.setAllowedHeaderNames(HeaderText::name);
            firewall.setAllowedHeaderValues(HeaderText::value);
            return firewall;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({RedisURI.class, io.github.bucket4j.Bucket.class})
    @ConditionalOnProperty(prefix = "vizora.web.rate-limit.per-address", name = "capacity")
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class RateLimiting {

        @Bean(destroyMethod = "close")
        RateLimiter rateLimiter(DataRedisProperties redis) {
            return new RateLimiter(RedisAddress.of(redis));
        }

        @Bean
        RateLimits rateLimits(RateLimiter limiter, RateLimitProperties limits, ProblemWriter problems) {
            return new RateLimits(limiter, limits, problems);
        }

        /** Before Spring Security's filter chain (order -100). */
        @Bean
        @Order(-200)
        WebFilter rateLimitByAddress(RateLimits limits) {
            return limits.byAddress();
        }

        /** After it, when the caller is known. */
        @Bean
        @Order(0)
        WebFilter rateLimitByCaller(RateLimits limits) {
            return limits.byCaller();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveStringRedisTemplate.class)
    static class Revocations {

        @Bean(destroyMethod = "close")
        @ConditionalOnBean(ReactiveStringRedisTemplate.class)
        RevocationMirror revocationMirror(DataRedisProperties redis, @Value("${vizora.access.revocations-kept:PT1H}") Duration kept) {
            var mirror = AccessRevocations.mirror(RedisAddress.of(redis), kept, Clock.systemUTC());
            mirror.start();
            return mirror;
        }

        @Bean
        @ConditionalOnBean(ReactiveStringRedisTemplate.class)
        AccessRevocations accessRevocations(ReactiveStringRedisTemplate redis, RevocationMirror mirror, ObjectProvider<RevocationLedger> ledger,
                                            @Value("${vizora.access.revocations-kept:PT1H}") Duration kept) {
            return new AccessRevocations(redis, mirror, kept, Clock.systemUTC(), ledger.getIfAvailable(() -> RevocationLedger.NONE));
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(HealthIndicator.class)
        static class RevocationsHealth {

            /**
             * Up while the mirror answers from memory, and while it does not: every token is then
             * looked up in Redis as before, which Redis's own health covers; the details say which.
             */
            @Bean
            @ConditionalOnBean(ReactiveStringRedisTemplate.class)
            HealthIndicator accessRevocationsHealthIndicator(RevocationMirror mirror) {
                return () -> {
                    var notLive = mirror.notLive();
                    return notLive == null
                            ? Health.up().withDetail("checked", "in memory").withDetail("revocations", mirror.size()).build()
                            : Health.up().withDetail("checked", "in Redis, request by request").withDetail("mirror", notLive.why())
                                    .withDetail("since", notLive.since().toString()).build();
                };
            }
        }
    }
}
