package io.ocppbridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the configuration records share; each refusal is an {@link InvalidSetting}. */
final class ConfigChecks {

  private ConfigChecks() {}

  static URI uri(String setting, String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidSetting(setting, "'" + text + "' is not a URL");
    }
  }

  static void httpUrl(String setting, URI url) {
    if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new InvalidSetting(setting, "'" + url + "' must be an http:// or https:// URL");
    }
  }

  static void readableFile(String setting, Path file) {
    if (file != null && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
      throw new InvalidSetting(setting, "'" + file + "' is not a readable file");
    }
  }
}
