using Catwalk.Domain;

namespace Catwalk.Store;

/// <summary>The store cannot be opened or used as asked (wrong connection string, newer schema, server down): a user-fixable problem.</summary>
public sealed class StoreException(string message, Exception? inner = null) : InvalidInputException(message, inner);
