package org.rewriteradar.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A real TCP proxy on loopback (netcrusher) between service instances and the broker's instance listener.
 * {@link #cut()} freezes it: every byte in either direction stays where it is, on every open connection,
 * and new connections get no answer, as when the network between them drops packets; {@link #restore()}
 * lets the traffic flow again.
 */
final class TcpProxy implements AutoCloseable {

    private final NioReactor reactor;
    private final TcpCrusher crusher;

    private TcpProxy(NioReactor reactor, TcpCrusher crusher) {
        this.reactor = reactor;
        this.crusher = crusher;
    }

    static TcpProxy open(int listenPort, int targetPort) {
        try {
            NioReactor reactor = new NioReactor();
            TcpCrusher crusher = TcpCrusherBuilder.builder()
                    .withReactor(reactor)
                    .withBindAddress("localhost", listenPort)
                    .withConnectAddress("localhost", targetPort)
                    .buildAndOpen();
            return new TcpProxy(reactor, crusher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void cut() {
        crusher.freeze();
    }

    void restore() {
        crusher.unfreeze();
    }

    int connections() {
        return crusher.getClientTotalCount();
    }

    @Override
    public void close() {
        crusher.close();
        reactor.close();
    }
}
