package io.ocppbridge.session;

/** Tests that {@link InMemoryChargerStore} keeps the {@link ChargerStore} contract. */
class InMemoryChargerStoreTest extends ChargerStoreContract {

  @Override
  ChargerStore openStore() {
    return new InMemoryChargerStore();
  }
}
