package io.vizora.command.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vizora.platform.edge.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandAdmission.Settings.class)
class CommandAdmissionConfiguration {

    /** After security and the caller's rate limit (order 0): a refused or unauthenticated request never takes a turn. */
    @Bean
    @Order(10)
    CommandAdmission commandAdmission(CommandAdmission.Settings settings, ProblemWriter problems, MeterRegistry meters) {
        var admission = new CommandAdmission(settings, problems);
        Gauge.builder("vizora.api.commands.running", admission, CommandAdmission::running)
                .description("API commands being served now (at most vizora.web.admission.concurrency)").register(meters);
        Gauge.builder("vizora.api.commands.waiting", admission, CommandAdmission::waiting)
                .description("API commands waiting for a turn (at most vizora.web.admission.queue)").register(meters);
        return admission;
    }
}
