package io.ocppbridge.config;

/**
 * The admin listener: health, metrics, charger list, status page.
 *
 * @param enabled whether it runs ({@code admin.enabled}, default true)
 * @param host address to bind ({@code admin.host}, default 127.0.0.1: not exposed)
 * @param port its port ({@code admin.port}, default 9090; 0 picks a free port)
 */
public record AdminConfig(boolean enabled, String host, int port) {}
