using Ambient.Gateway.Memory;
using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Memory;

public sealed class MemoryStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-memory-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 28, 6, 0, 0, TimeSpan.Zero));
    private readonly MemoryStore _store;

    public MemoryStoreTests()
    {
        var database = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "ambient.db") }), [new MemorySchema()]);
        _store = new MemoryStore(database);
    }

    [Fact]
    public void A_search_matches_whole_words_in_any_case_without_stemming_or_prefixes()
    {
        var greeting = Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana. | 3° now, light rain, 2–7°, 80% rain");
        Add(MemoryKinds.Reminder, "Ana", "Take vitamins at 8:00");

        Assert.Equal([greeting], _store.Search("rain", 10).Select(m => m.Id));
        Assert.Equal([greeting], _store.Search("RAIN", 10).Select(m => m.Id));
        Assert.Empty(_store.Search("rains", 10));
        Assert.Empty(_store.Search("vita", 10));
        Assert.Equal("Take vitamins at 8:00", Assert.Single(_store.Search("vitamins", 10)).Text);
    }

    [Fact]
    public void Quoted_words_must_appear_together_in_that_order_and_loose_words_anywhere()
    {
        var greeting = Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana. | 3° now, light rain");

        Assert.Equal([greeting], _store.Search("\"light rain\"", 10).Select(m => m.Id));
        Assert.Empty(_store.Search("\"rain light\"", 10));
        Assert.Equal([greeting], _store.Search("rain light", 10).Select(m => m.Id));
        Assert.Empty(_store.Search("rain snow", 10));
    }

    [Fact]
    public void A_search_with_no_match_is_empty()
    {
        Add(MemoryKinds.Plant, null, "Basil: ok → thirsty, soil 18%");

        Assert.Empty(_store.Search("monstera", 10));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("-")]
    [InlineData("NEAR(light rain")]
    [InlineData("rain\" OR \"")]
    [InlineData("text:rain")]
    [InlineData("AND")]
    [InlineData("^rain*")]
    [InlineData("(light) OR")]
    [InlineData("\"unclosed phrase")]
    public void Fts_syntax_in_the_query_is_searched_literally_and_never_throws(string query)
    {
        Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana. | 3° now, light rain");

        var exception = Record.Exception(() => _store.Search(query, 10));

        Assert.Null(exception);
    }

    [Fact]
    public void Operators_are_words_not_operators()
    {
        var greeting = Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana. | 3° now, light rain");

        // "-rain" is not NOT rain, "rain*" is not a prefix query, and OR is a word the text lacks.
        Assert.Equal([greeting], _store.Search("light -rain", 10).Select(m => m.Id));
        Assert.Equal([greeting], _store.Search("rain*", 10).Select(m => m.Id));
        Assert.Empty(_store.Search("light OR snow", 10));
        Assert.Empty(_store.Search("*** --", 10));
    }

    [Fact]
    public void Results_are_newest_first_and_limited()
    {
        var first = Add(MemoryKinds.Plant, null, "Basil: ok → thirsty");
        _time.Advance(TimeSpan.FromHours(1));
        var second = Add(MemoryKinds.Plant, null, "Basil: thirsty → ok");
        _time.Advance(TimeSpan.FromHours(1));
        var third = Add(MemoryKinds.Wake, null, "woke to listen");

        Assert.Equal([second, first], _store.Search("basil", 10).Select(m => m.Id));
        Assert.Equal([second], _store.Search("basil", 1).Select(m => m.Id));
        Assert.Equal([third, second, first], _store.Search(null, 10).Select(m => m.Id));
        Assert.Equal([third, second], _store.Search("  ", 2).Select(m => m.Id));
    }

    [Fact]
    public void Recent_lists_one_persons_entries_newest_first_limited_and_since_a_time()
    {
        var old = Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana.");
        _time.Advance(TimeSpan.FromDays(1));
        var since = _time.GetUtcNow();
        var yesterday = Add(MemoryKinds.Greeting, "Ana", "Morning, Ana.");
        Add(MemoryKinds.Greeting, "Sam", "Good morning, Sam.");
        _time.Advance(TimeSpan.FromHours(1));
        var reminder = Add(MemoryKinds.Reminder, "Ana", "Take vitamins at 8:00");
        _time.Advance(TimeSpan.FromDays(1));
        var today = Add(MemoryKinds.Greeting, "Ana", "Hello Ana, good morning.");

        Assert.Equal([today, reminder, yesterday], _store.Recent("Ana", since, 10).Select(m => m.Id));
        Assert.Equal([today, reminder], _store.Recent("Ana", since, 2).Select(m => m.Id));
        Assert.Equal([today, yesterday], _store.Recent("Ana", since, 10, MemoryKinds.Greeting).Select(m => m.Id));
        Assert.Equal([today, yesterday, old], _store.Recent("Ana", since.AddDays(-2), 10, MemoryKinds.Greeting).Select(m => m.Id));
    }

    [Fact]
    public void An_entry_keeps_who_what_when_and_how_it_was_made()
    {
        var id = _store.Add(_time.GetUtcNow(), MemoryKinds.Greeting, "Ana", "fridge-magnet", "Good morning, Ana.", "template", 9.25);

        Assert.Equal(
            new MemoryEntry(id, _time.GetUtcNow(), MemoryKinds.Greeting, "Ana", "fridge-magnet", "Good morning, Ana.", "template", 9.25),
            Assert.Single(_store.Search("morning", 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.Add(_time.GetUtcNow(), "diary", null, null, "Dear diary", "template"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_daily_pass_forgets_what_is_older_than_the_retention_and_its_index_entry_with_it()
    {
        Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana. | snow");
        _time.Advance(TimeSpan.FromDays(2));
        var recent = Add(MemoryKinds.Greeting, "Ana", "Morning, Ana. | rain");
        var pruner = new MemoryPruner(_store, Options.Create(new MemoryOptions { Retention = TimeSpan.FromDays(1) }), _time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MemoryPruner>.Instance);

        Assert.Equal(1, pruner.PruneOnce());

        Assert.Equal([recent], _store.Search(null, 10).Select(m => m.Id));
        Assert.Empty(_store.Search("snow", 10));
        Assert.Equal(0, pruner.PruneOnce());
    }

    [Fact]
    public void Latest_lists_only_the_kinds_asked_for()
    {
        Add(MemoryKinds.Greeting, "Ana", "Good morning, Ana.");
        _time.Advance(TimeSpan.FromMinutes(1));
        Add(MemoryKinds.Wake, null, "woke to listen");
        _time.Advance(TimeSpan.FromMinutes(1));
        Add(MemoryKinds.Plant, "Ana", "The basil is thirsty.");

        Assert.Equal(["The basil is thirsty.", "Good morning, Ana."], _store.Latest(10, MemoryKinds.Greeting, MemoryKinds.Plant).Select(m => m.Text));
        Assert.Equal(3, _store.Latest(10).Count);
    }

    private long Add(string kind, string? person, string text) =>
        _store.Add(_time.GetUtcNow(), kind, person, kind == MemoryKinds.Plant ? "kitchen-basil" : null, text, "template");
}
