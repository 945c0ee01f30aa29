package io.ocppbridge.ws;

import io.netty.handler.ssl.SslContext;
import io.ocppbridge.config.TrustMaterial;
import java.nio.file.Path;

/** Opens the WebSocket edge's TLS client context to tests of other packages. */
public final class CsmsTlsProbe {

  private CsmsTlsProbe() {}

  public static SslContext clientContext(Path truststore) {
    return CsmsClient.clientTls(new TrustMaterial(truststore, null), null);
  }
}
