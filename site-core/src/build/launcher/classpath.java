${java.specification.version}
