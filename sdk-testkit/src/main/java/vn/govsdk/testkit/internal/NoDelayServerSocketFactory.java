package vn.govsdk.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have TCP_NODELAY set. MockWebServer writes a response's
 * headers and body as two flushes; with Nagle's algorithm on, the body waits for the client's
 * delayed acknowledgement of the headers (about 40 ms on Linux), which caps a keep-alive connection
 * at some 25 requests a second.
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        NoDelayServerSocket(int port, int backlog, InetAddress address) throws IOException {
            super(port, backlog, address);
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /**
     * Creates an unbound server socket.
     *
     * @return the socket
     * @throws IOException if the socket cannot be created
     */
    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    /**
     * Creates a server socket bound to a port.
     *
     * @param port the port
     * @return the socket
     * @throws IOException if the socket cannot be created
     */
    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new NoDelayServerSocket(port, 50, null);
    }

    /**
     * Creates a server socket bound to a port with a backlog.
     *
     * @param port the port
     * @param backlog the backlog
     * @return the socket
     * @throws IOException if the socket cannot be created
     */
    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new NoDelayServerSocket(port, backlog, null);
    }

    /**
     * Creates a server socket bound to an address and port.
     *
     * @param port the port
     * @param backlog the backlog
     * @param address the address
     * @return the socket
     * @throws IOException if the socket cannot be created
     */
    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new NoDelayServerSocket(port, backlog, address);
    }
}
