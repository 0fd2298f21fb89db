package app.ascend.notify.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import app.ascend.notify.web.ProblemWriter;

/**
 * Who may call what. Users sign in to a session cookie; machine clients send an API key. Reads need
 * a signed-in user of the organization, writes an admin, new organizations the system administrator.
 * Spring Security's token CSRF is replaced by {@link CrossSiteRequestGuard} (JSON-only + Origin).
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation of the security filter chain at all. Switching its observations off by property
     * ({@code management.observations.enable.spring.security=false}) still wrapped each of its filters in
     * a decorator that made a no-op observation per filter and request, ~10 % of the ingest request
     * thread's CPU in a profile (docs/PERFORMANCE.md, seventh look); with this bean Spring Security does not
     * decorate the chain. Request metrics ({@code http.server.requests}) are not Spring Security's and stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyService keys, ProblemWriter problems,
            SecurityContextRepository contexts, @Value("${ascend.public-url:}") String publicUrl) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(contexts))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteRequestGuard(problems, publicUrl), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Sign in first (POST /api/auth/login) or send an API key."))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Your role may not do this; viewers may only read.")))
                .authorizeHttpRequests(auth -> auth
                        // Prometheus scrapes without signing in; the series carry no tenant data.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/logout").permitAll()
                        // Inbound webhooks come from a destination, not a user: the route verifies each
                        // delivery's signature with the channel's secret before reading it (inbound package).
                        .requestMatchers(HttpMethod.POST, InboundWebhookPaths.PATTERN).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/auth/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/organizations").hasRole("SYSTEM_ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/events").hasRole("API_CLIENT")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("USER")
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll());
        return http.build();
    }
}
