package io.ocppbridge.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses a request body larger than {@code soap.maxMessageSize} before it is parsed: at once
 * when its Content-Length says so, else (chunked) as soon as the limit is crossed while reading.
 */
final class RequestSizeInterceptor extends AbstractPhaseInterceptor<Message> {

  private final long limit;

  RequestSizeInterceptor(long limit) {
    super(Phase.RECEIVE);
    this.limit = limit;
  }

  @Override
  public void handleMessage(Message message) {
    Long declared = contentLength(message);
    if (declared != null && declared > limit) {
      if (declared > DRAIN_FACTOR * limit) {
        skipRest(message, 0);
      }
      throw tooLarge();
    }
    InputStream in = message.getContent(InputStream.class);
    if (in != null) {
      message.setContent(InputStream.class, new Limited(in, message));
    }
  }

  private SoapFault tooLarge() {
    // The version is settled (from the Content-Type) by the FaultNormalizer.
    return new SoapFault("the request body is larger than " + limit
        + " bytes (soap.maxMessageSize)", Soap12.getInstance().getSender());
  }

  /** A refused body up to this many times the limit is still read, so the client sees the answer. */
  private static final long DRAIN_FACTOR = 4;

  /**
   * Bounds what CXF reads of a refused body before it answers (it would drain up to 16 MiB): at
   * most {@code more} further bytes. A body that large is not worth reading; the answer goes out
   * and Jetty closes the connection with the rest unread (a client still sending may then see a
   * reset instead of the fault: the price of not reading a body without bound).
   */
  private static void skipRest(Message message, long more) {
    DelegatingInputStream delegating = message.getContent(DelegatingInputStream.class);
    if (delegating != null) {
      InputStream rest = delegating.getInputStream();
      delegating.setInputStream(more <= 0 || rest == null
          ? InputStream.nullInputStream() : new Capped(rest, more));
    }
  }

  /** At most {@code left} more bytes of a stream, and only what has arrived: never a wait. */
  private static final class Capped extends FilterInputStream {
    private long left;

    Capped(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0 || in.available() <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int available = in.available();
      if (left <= 0 || available <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(Math.min(length, left), available));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  @SuppressWarnings("unchecked")
  static Long contentLength(Message message) {
    Object headers = message.get(Message.PROTOCOL_HEADERS);
    if (headers instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if ("content-length".equalsIgnoreCase(String.valueOf(e.getKey()))
            && e.getValue() instanceof List<?> values && !values.isEmpty()) {
          try {
            return Long.parseLong(String.valueOf(values.get(0)).trim());
          } catch (NumberFormatException ignored) {
            return null;
          }
        }
      }
    }
    return null;
  }

  /** Counts what is read and fails past the limit. */
  private final class Limited extends FilterInputStream {
    private final Message message;
    private long count;

    Limited(InputStream in, Message message) {
      super(in);
      this.message = message;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws IOException {
      count += n;
      if (count > limit) {
        skipRest(message, limit);
        throw new IOException("the request body is larger than " + limit
            + " bytes (soap.maxMessageSize)");
      }
    }
  }
}
