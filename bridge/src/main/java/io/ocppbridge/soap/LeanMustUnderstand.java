package io.ocppbridge.soap;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.HeaderUtil;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.binding.soap.interceptor.MustUnderstandInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapInterceptor;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Message;

/**
 * CXF's {@code mustUnderstand} check, with what the endpoint's chain understands worked out once
 * instead of for every request.
 *
 * <p>CXF's own interceptor walks the whole interceptor chain on every request that carries a
 * header (every charger's does: addressing, {@code chargeBoxIdentity}) to collect the headers
 * and roles its interceptors understand, into new sets: 1.8 % of the CPU of a relayed request.
 * The bridge's chain is the same for every request, so this one collects them from the first
 * request's chain and keeps them. The check itself is CXF's: a header marked
 * {@code mustUnderstand} and meant for this node (no role, the next or the ultimate receiver
 * role, or a role an interceptor plays) that nothing understands is named in
 * {@link MustUnderstandInterceptor#UNKNOWNS}, and CXF's ending interceptor answers it with a
 * MustUnderstand fault once the operation is known, as CXF does. Faults are CXF's too
 * ({@link #handleFault} is inherited). It serves the bridge's endpoint only (a server: CXF's
 * client side throws at once instead, which this does not do). The bridge's header interceptors
 * place themselves before it, by its name.
 */
final class LeanMustUnderstand extends MustUnderstandInterceptor {

  /** What the chain understands: header names and the roles its interceptors play. */
  private record Understood(Set<QName> headers, Set<String> roles) {}

  private final MustUnderstandEndingInterceptor ending = new MustUnderstandEndingInterceptor();
  private volatile Understood understood;

  /** Puts this check in the place of CXF's own on the server's SOAP binding. */
  static void install(Server server) {
    var in = server.getEndpoint().getBinding().getInInterceptors();
    if (!in.removeIf(i -> i.getClass() == MustUnderstandInterceptor.class)) {
      throw new IllegalStateException("CXF's MustUnderstandInterceptor is not on the binding");
    }
    in.add(new LeanMustUnderstand());
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (message.getHeaders().isEmpty()) {
      return;
    }
    Understood known = understood(message);
    SoapVersion version = message.getVersion();
    Set<QName> unknown = null;
    for (Header header : message.getHeaders()) {
      if (header instanceof SoapHeader soap && soap.isMustUnderstand()
          && meantForThisNode(soap.getActor(), version, known.roles())
          && !known.headers().contains(header.getName())) {
        if (unknown == null) {
          unknown = new HashSet<>();
        }
        unknown.add(header.getName());
      }
    }
    if (unknown == null) {
      return;
    }
    unknown.removeAll(HeaderUtil.getHeaderQNameInOperationParam(message));
    if (!unknown.isEmpty()) {
      message.put(UNKNOWNS, unknown);
      message.getInterceptorChain().add(ending);
    }
  }

  private static boolean meantForThisNode(String actor, SoapVersion version, Set<String> roles) {
    if (actor == null || actor.isBlank()) {
      return true; // no role: the ultimate receiver, which the bridge is
    }
    String role = actor.trim();
    return role.equals(version.getNextRole()) || role.equals(version.getUltimateReceiverRole())
        || roles.contains(role);
  }

  private Understood understood(Message message) {
    Understood known = understood;
    if (known == null) {
      Set<QName> headers = new HashSet<>();
      Set<String> roles = new HashSet<>();
      for (Interceptor<? extends Message> interceptor : message.getInterceptorChain()) {
        if (interceptor instanceof SoapInterceptor soap) {
          if (soap.getUnderstoodHeaders() != null) {
            headers.addAll(soap.getUnderstoodHeaders());
          }
          if (soap.getRoles() != null) {
            for (URI role : soap.getRoles()) {
              roles.add(role.toString());
            }
          }
        }
      }
      known = new Understood(Set.copyOf(headers), Set.copyOf(roles));
      understood = known;
    }
    return known;
  }
}
