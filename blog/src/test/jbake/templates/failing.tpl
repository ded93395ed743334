// A template that fails while rendering, to show how stock JBake reports render errors.
html { body { p { yield content.noSuchProperty.length() } } }
