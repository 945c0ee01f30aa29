package io.ocppbridge.ws;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ocppbridge.config.CsmsConfig.Transport;
import java.util.function.Supplier;

/**
 * The socket transport of the connections to the central system ({@code csms.transport}):
 * Netty's native epoll (Linux x86_64; fewer system calls and no selector bookkeeping per
 * wake-up) or Java NIO. {@code auto} takes epoll where its native library loads; {@code epoll}
 * where it cannot load stops the start with the reason.
 */
enum SocketTransport {
  EPOLL("epoll (Netty's native transport)", EpollIoHandler::newFactory, EpollSocketChannel.class),
  NIO("nio (Java NIO selector)", NioIoHandler::newFactory, NioSocketChannel.class);

  private final String description;
  private final Supplier<IoHandlerFactory> handlers;
  private final Class<? extends SocketChannel> channelType;

  SocketTransport(String description, Supplier<IoHandlerFactory> handlers,
      Class<? extends SocketChannel> channelType) {
    this.description = description;
    this.handlers = handlers;
    this.channelType = channelType;
  }

  /** The transport {@code setting} stands for on this machine. */
  static SocketTransport choose(Transport setting) {
    return choose(setting, Epoll.isAvailable(), Epoll.unavailabilityCause());
  }

  /** As {@link #choose(Transport)}, with epoll's availability given (for tests). */
  static SocketTransport choose(Transport setting, boolean epollAvailable,
      Throwable whyUnavailable) {
    return switch (setting) {
      case NIO -> NIO;
      case AUTO -> epollAvailable ? EPOLL : NIO;
      case EPOLL -> {
        if (!epollAvailable) {
          throw new IllegalStateException("csms.transport is epoll, but Netty's native epoll"
              + " transport cannot be used on this machine (it needs Linux x86_64); set"
              + " csms.transport to auto or nio", whyUnavailable);
        }
        yield EPOLL;
      }
    };
  }

  /**
   * The {@code loops} event loops for all charger connections, daemon threads named
   * {@code threadName-…}.
   */
  EventLoopGroup newGroup(String threadName, int loops) {
    return new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory(threadName, true),
        handlers.get());
  }

  Class<? extends SocketChannel> channelType() {
    return channelType;
  }

  /** How the start-up log names it. */
  String description() {
    return description;
  }
}
