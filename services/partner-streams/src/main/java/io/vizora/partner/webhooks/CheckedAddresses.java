package io.vizora.partner.webhooks;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Resolves a webhook's host for the connection itself, through {@link WebhookTargets}' checks:
 * the address connected to is one that was checked, never a second answer for the same name.
 * Resolution blocks, as Netty's default resolver's does, once per new connection.
 */
final class CheckedAddresses extends AddressResolverGroup<InetSocketAddress> {

    private final WebhookTargets targets;

    CheckedAddresses(WebhookTargets targets) {
        this.targets = targets;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(targets.addresses(host).getFirst());
                } catch (RuntimeException refused) {
                    promise.setFailure(refused);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(targets.addresses(host));
                } catch (RuntimeException refused) {
                    promise.setFailure(refused);
                }
            }
        });
    }
}
