namespace Ambient.Gateway.Plants;

/// <summary>
/// Species profiles as data. Numbers are care-guide consensus translated to this project's units, not lab values:
/// <list type="bullet">
/// <item>Moisture: "let the top few cm dry" ≈ 20–30 % of the calibrated span, "keep evenly moist" ≈ 40–75 %,
/// succulents/cacti "dry out completely" ≈ 5–15 %. The span is per pot (calibrated in dry vs saturated soil,
/// anchors §2.5), so these are shares of that span.</item>
/// <item>Light (lux, the day's brightest reading): low light 500–2,500 lx, medium/bright indirect 2,500–10,000 lx,
/// direct sun 20,000+ lx; OpenPlantbook-style min/max brightness (anchors §1.2).</item>
/// <item>Temperature: the range most care guides give for growth; below the minimum growth stalls or chill damage
/// starts (tropicals ~15 °C, Mediterranean herbs tolerate ~5 °C).</item>
/// </list>
/// </summary>
public static class SpeciesTable
{
    private static readonly SpeciesProfile[] Profiles =
    [
        new("basil", "Basil", new(40, 75), new(10_000, 60_000), new(16, 30),
            "Tender annual herb: evenly moist soil, full sun 6+ h; chill-damaged below ~10 °C, sulks below 16 °C."),
        new("mint", "Mint", new(45, 80), new(5_000, 50_000), new(10, 28),
            "Thirsty spreading herb that tolerates partial shade; wilts quickly when the pot dries."),
        new("parsley", "Parsley", new(40, 75), new(5_000, 50_000), new(8, 26),
            "Biennial herb; consistently moist but not waterlogged; sun to part shade; cool-tolerant."),
        new("rosemary", "Rosemary", new(15, 50), new(15_000, 80_000), new(5, 30),
            "Mediterranean shrub: dry between waterings (root rot when soggy), full sun; tolerates cool rooms."),
        new("thyme", "Thyme", new(15, 45), new(15_000, 80_000), new(5, 30),
            "Mediterranean, drought tolerant, lean soil; overwatering is the usual killer; full sun."),
        new("chives", "Chives", new(35, 70), new(8_000, 50_000), new(5, 26),
            "Hardy allium; evenly moist soil and bright light; grows in cool conditions."),
        new("cilantro", "Cilantro (coriander)", new(40, 70), new(8_000, 50_000), new(8, 24),
            "Cool-season herb that bolts in heat; moist soil, sun to light shade."),
        new("pothos", "Pothos", new(25, 65), new(1_000, 20_000), new(15, 30),
            "Epipremnum aureum: let the top third dry; tolerates low light; tropical, dislikes below 15 °C."),
        new("monstera", "Monstera", new(30, 65), new(2_500, 20_000), new(16, 30),
            "Monstera deliciosa: water when the top 5 cm are dry; bright indirect light; tropical."),
        new("snake-plant", "Snake plant", new(8, 40), new(500, 30_000), new(13, 32),
            "Dracaena trifasciata: succulent leaves, water sparingly; tolerates low light; rots when soggy."),
        new("zz-plant", "ZZ plant", new(8, 40), new(500, 20_000), new(15, 30),
            "Zamioculcas: water-storing rhizomes, dry out fully between waterings; low light tolerant."),
        new("peace-lily", "Peace lily", new(40, 75), new(800, 10_000), new(16, 30),
            "Spathiphyllum: likes evenly moist soil and droops visibly when dry; medium indirect light."),
        new("spider-plant", "Spider plant", new(30, 65), new(2_000, 20_000), new(12, 29),
            "Chlorophytum comosum: moderately moist, top layer dry; bright indirect light; adaptable."),
        new("fiddle-leaf-fig", "Fiddle-leaf fig", new(30, 60), new(5_000, 30_000), new(16, 30),
            "Ficus lyrata: top 5 cm dry then water thoroughly; needs bright light; drops leaves in cold drafts."),
        new("aloe-vera", "Aloe vera", new(5, 35), new(8_000, 60_000), new(10, 32),
            "Succulent: soak and dry completely; bright light to some direct sun; rots when wet and cold."),
        new("jade", "Jade plant", new(5, 35), new(8_000, 60_000), new(10, 30),
            "Crassula ovata: succulent, let the soil dry fully; bright light; tolerates cool winters."),
        new("calathea", "Calathea", new(45, 75), new(1_000, 10_000), new(18, 29),
            "Goeppertia: evenly moist, never soggy; medium indirect light (leaves scorch in sun); warmth-loving."),
        new("rubber-plant", "Rubber plant", new(30, 60), new(3_000, 25_000), new(15, 30),
            "Ficus elastica: top few cm dry between waterings; bright indirect light."),
        new("phalaenopsis", "Orchid (Phalaenopsis)", new(25, 60), new(1_500, 15_000), new(17, 30),
            "Epiphyte in bark: water when the medium is nearly dry; bright indirect light; warm rooms."),
        new("boston-fern", "Boston fern", new(50, 80), new(1_500, 15_000), new(15, 27),
            "Nephrolepis exaltata: constantly moist soil and humidity; indirect light; fronds brown when dry."),
        new("echeveria", "Succulent (Echeveria)", new(5, 30), new(15_000, 80_000), new(8, 32),
            "Rosette succulent: soak and dry fully; needs much light or it stretches; rots when soggy."),
        new("philodendron", "Philodendron (heartleaf)", new(30, 65), new(1_000, 15_000), new(15, 30),
            "P. hederaceum: let the top few cm dry; medium to low indirect light; tropical."),
        new("dracaena", "Dracaena (dragon tree)", new(20, 55), new(1_000, 15_000), new(15, 30),
            "D. marginata: dry top half between waterings; medium indirect light; sensitive to soggy soil."),
        new("chinese-evergreen", "Chinese evergreen", new(30, 60), new(500, 10_000), new(16, 30),
            "Aglaonema: moderately moist; one of the best low-light plants; dislikes cold below 16 °C."),
        new("tomato", "Cherry tomato", new(45, 80), new(20_000, 100_000), new(15, 32),
            "Fruiting annual: evenly moist to avoid splitting and blossom-end rot; full sun."),
    ];

    private static readonly Dictionary<string, SpeciesProfile> ById =
        Profiles.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<SpeciesProfile> All => Profiles;

    /// <summary>The profile with this id (case-insensitive), or null.</summary>
    public static SpeciesProfile? Find(string id) => ById.GetValueOrDefault(id);
}
