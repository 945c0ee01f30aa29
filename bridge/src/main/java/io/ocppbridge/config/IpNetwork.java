package io.ocppbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR form ({@code 10.0.0.0/8}, {@code fd00::/8}, a bare address). */
public record IpNetwork(byte[] address, int prefixLength, String text) {

  /** Parses CIDR text; only literal addresses, never a DNS lookup. */
  public static IpNetwork parse(String cidr) {
    String s = cidr.trim();
    int slash = s.indexOf('/');
    String host = slash < 0 ? s : s.substring(0, slash);
    if (!host.matches("[0-9a-fA-F.:]+")) {
      throw new IllegalArgumentException("is not an IP network (write e.g. 10.0.0.0/8)");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("is not an IP network (write e.g. 10.0.0.0/8)");
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("has no valid prefix length");
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("has a prefix length outside 0.." + bits);
      }
    }
    return new IpNetwork(bytes, prefix, s);
  }

  /** True when {@code candidate} lies inside this network. */
  public boolean contains(InetAddress candidate) {
    byte[] other = candidate.getAddress();
    if (other.length != address.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (other[i] != address[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (other[full] & mask) == (address[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpNetwork n && n.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
