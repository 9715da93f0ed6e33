package vn.govsdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Accepted connections must have TCP_NODELAY, or every keep-alive response waits on a delayed ACK. */
class NoDelayServerSocketFactoryTest {

    @Test
    void acceptedSocketsHaveTcpNoDelay() throws Exception {
        try (ServerSocket server = new NoDelayServerSocketFactory().createServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket accepted = server.accept()) {
                assertThat(client.isConnected()).isTrue();
                assertThat(accepted.getTcpNoDelay()).isTrue();
            }
        }
    }
}
