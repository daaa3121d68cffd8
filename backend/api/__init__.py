"""The HTTP API of the contract, one blueprint per concern."""
