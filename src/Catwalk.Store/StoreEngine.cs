namespace Catwalk.Store;

public enum StoreEngine { Sqlite, PostgreSql }
