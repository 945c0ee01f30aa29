package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.ocppbridge.config.CsmsConfig.Transport;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How {@code csms.transport} is turned into a transport on a machine with or without epoll. */
class SocketTransportTest {

  private static final Throwable NO_LIBRARY = new IOException("no native library here");

  /** Verifies that auto takes epoll where it is available and NIO where it is not. */
  @Test
  void autoTakesEpollWhereAvailable() {
    assertThat(SocketTransport.choose(Transport.AUTO, true, null))
        .isEqualTo(SocketTransport.EPOLL);
    assertThat(SocketTransport.choose(Transport.AUTO, false, NO_LIBRARY))
        .isEqualTo(SocketTransport.NIO);
  }

  /** Verifies that nio is NIO even where epoll is available. */
  @Test
  void nioIsNioEverywhere() {
    assertThat(SocketTransport.choose(Transport.NIO, true, null)).isEqualTo(SocketTransport.NIO);
    assertThat(SocketTransport.choose(Transport.NIO, false, NO_LIBRARY))
        .isEqualTo(SocketTransport.NIO);
  }

  /**
   * Verifies that epoll where it cannot load stops the start with a line naming the key, what to
   * set instead and why epoll could not load.
   */
  @Test
  void epollWhereUnavailableIsRefusedWithTheReason() {
    assertThat(SocketTransport.choose(Transport.EPOLL, true, null))
        .isEqualTo(SocketTransport.EPOLL);
    assertThatThrownBy(() -> SocketTransport.choose(Transport.EPOLL, false, NO_LIBRARY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("csms.transport is epoll")
        .hasMessageContaining("auto or nio")
        .hasCause(NO_LIBRARY);
  }

  /** Verifies that each transport opens the channel type of its own kind. */
  @Test
  void eachTransportHasItsChannelType() {
    assertThat(SocketTransport.EPOLL.channelType()).isEqualTo(EpollSocketChannel.class);
    assertThat(SocketTransport.NIO.channelType()).isEqualTo(NioSocketChannel.class);
  }
}
