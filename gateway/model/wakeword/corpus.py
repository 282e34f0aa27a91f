"""What espeak-ng says: the voice/setting split (train vs held out) and the negative phrases.

The held-out voices, variants, rates and pitches below are never rendered for training; the C# bench
(tests/Ambient.Benchmarks/WakeWord/WakeWordBench.cs) measures recall on exactly these, so keep the two lists in step
(the manifest records them).
"""
from __future__ import annotations

import functools
import itertools
import re
import subprocess

import numpy as np

from audio import Voice

TRAIN_VOICES = ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-us-nyc"]
HELDOUT_VOICES = ["en-029", "en-gb-x-gbcwmd"]
# Other languages' voices reading the English text: more accents for training (positives and negatives alike, so an
# accent alone says nothing). Training only; none of them is, or imitates, a held-out voice.
ACCENT_VOICES = ["af", "de", "nl", "sv", "da", "nb", "pl", "it", "es", "hi"]

# espeak-ng's voice variants (espeak-ng-data/voices/!v); "" is the plain voice.
TRAIN_VARIANTS = [
    "", "m1", "m2", "m3", "m5", "m6", "m8", "f1", "f2", "f4", "f5", "klatt", "klatt2", "klatt4", "klatt6",
    "Alex", "Alicia", "Andrea", "Annie", "AnxiousAndy", "Denis", "Diogo", "Gene", "Henrique", "Hugo", "Jacky", "Lee",
    "Marco", "Mario", "Michael", "Mike", "Nguyen", "RicishayMax", "Storm", "Tweaky", "adam", "anika", "announcer",
    "antonio", "aunty", "belinda", "benjamin", "boris", "caleb", "david", "ed", "edward", "grandma", "iven", "iven3",
    "john", "kaukovalta", "linda", "max", "michel", "miguel", "norbert", "pablo", "paul", "pedro", "quincy", "rob",
    "robert", "sandro", "shelby", "steph", "steph3", "travis", "victor", "zac", "whisperf",
]
HELDOUT_VARIANTS = ["m4", "m7", "f3", "klatt3", "Andy", "Gene2", "grandpa", "edward2", "iven2", "steph2", "marcelo",
                    "gustave"]

TRAIN_RATES = [120, 140, 160, 180, 200, 220, 240]
TRAIN_PITCHES = [20, 35, 50, 65, 80, 95]
HELDOUT_RATES = [130, 170, 210]
HELDOUT_PITCHES = [28, 58, 88]
AMPLITUDES = [60, 100, 150]

# Phonetically close to "hey ambient" (or to parts of it): the detector must say no to all of these.
CONFUSABLE_HEY_AMBIENT = [
    "hey I'm busy", "ambient", "hey Andy", "hey emma", "hey Amy", "hey Ambrose", "hey amber", "hey ancient",
    "ambient light", "ambient music", "hey", "hey there", "hey and being", "hey I'm being", "a mean tent",
    "hey patient", "hey gradient", "hey, I'm bent", "amen", "hey ambulance", "hey ambition", "hey Alexa",
    "hey Google", "hey Siri", "okay Nabu", "hey Jarvis", "hey ambiguous", "hey obedient", "hey expedient",
    "hey ingredient", "hey am I bent", "hey Anne be in it", "the ambient temperature", "hey ambassador",
    "hey I'm being honest", "hey Amelia", "hey Annie", "hey Indiana", "hey I meant it", "hey and then",
    "say ambient", "they are ambient", "hey, amber lent",
]

EVERYDAY = [
    "the kettle is boiling", "can you pass me the salt", "I left the keys on the kitchen table",
    "what are we having for dinner tonight", "the dishwasher is finished", "put the milk back in the fridge",
    "did you water the plants", "the basil needs more sun", "I will be home around six",
    "turn the oven off in ten minutes", "we are out of coffee again", "the bread is in the cupboard",
    "let's go for a walk after lunch", "my meeting starts at nine thirty", "the weather looks nice today",
    "it might rain this afternoon", "don't forget your umbrella", "the kids are still asleep",
    "can you take out the recycling", "the washing machine is making a noise", "I need to call the dentist",
    "please close the window", "the soup needs more pepper", "where did I put my glasses",
    "the train was late this morning", "happy birthday to you", "let me check the calendar",
    "we should buy more apples", "the cat wants to go outside", "could you turn the music down",
    "I'm making pancakes for breakfast", "the package arrived yesterday", "the tomatoes are almost ripe",
    "how was your day at work", "I think the battery is low", "this recipe needs two eggs",
    "the football match starts at eight", "shall we watch a movie", "remember to lock the door",
    "the heating is on too high", "there is a message for you", "the plumber is coming on Tuesday",
    "I can't find the remote control", "the garden looks beautiful", "dinner is ready",
    "the library closes at five", "she is reading in the living room", "we need new light bulbs",
    "the car needs petrol", "my phone is charging upstairs", "the neighbours are having a party",
    "a cup of tea would be lovely", "the baby is finally sleeping", "I'll do the dishes later",
    "the bus leaves in fifteen minutes", "he is walking the dog", "the sink is blocked again",
    "the bin goes out on Thursday", "I'd like some orange juice", "the ice cream is melting",
    "one two three four five", "six seven eight nine ten", "twenty one", "a hundred and fifty",
    "three thousand two hundred", "the number is four five six", "zero point five", "eleven twelve thirteen",
    "half past seven", "quarter to nine", "it is twelve degrees outside", "set a timer for twenty minutes",
    "what's the time", "what's next", "good morning", "good night everyone", "thank you very much",
    "hello", "hi there", "excuse me", "see you later", "how are you", "I'm fine thanks",
    "hey mum", "hey dad", "hey guys", "hey buddy", "hey what's up", "hey listen to this", "hey come here",
    "an ancient building", "the ambulance drove past", "I am being patient", "an obedient dog",
    "the main ingredient is flour", "an ambitious plan", "a beautiful evening", "Andy and Emma are here",
    "the amber light is flashing", "the temperature in the bedroom", "ambitious ambassadors",
]


# More everyday speech (training only), written for the second recipe: the false accepts come from a stream that is
# mostly ordinary sentences, so the model needs to have heard many more of them. None of EVAL_SENTENCES (checked by
# data.render_extra).
EVERYDAY_MORE = [
    "could you grab the laundry from the line", "the oven needs cleaning", "I forgot to buy butter",
    "the meeting was moved to Wednesday", "please hang up your coat", "the toaster is broken again",
    "we need to book the holiday soon", "the cat knocked over the vase", "there are biscuits in the tin",
    "I'm running a bit late", "have you seen my blue scarf", "the towels are in the dryer",
    "it's your turn to cook", "the doorbell is ringing", "can you hear that noise", "the baby needs changing",
    "I will pick you up at the station", "the fridge is humming loudly", "we have run out of washing up liquid",
    "the children have a day off school", "my back hurts today", "the lawn needs mowing",
    "put the kettle on please", "the shower is too cold", "the post has arrived", "I've booked a table for four",
    "let's tidy up the living room", "the boiler is making a funny noise", "the dog needs a bath",
    "the curtains need washing", "we should invite the neighbours for dinner", "my tea has gone cold",
    "the pizza will be here in twenty minutes", "can you help me carry the shopping", "I'm off to bed",
    "the alarm goes off at six", "the freezer needs defrosting", "who ate the last biscuit",
    "the floor is still wet", "don't slip on the stairs", "we need to call the landlord", "the wifi is slow again",
    "the batteries are in the drawer", "I'll be back in a minute", "have a lovely evening", "the bath is running",
    "the cake is in the oven", "could you open the back door", "the garden gate is open", "it's nearly midnight",
    "the clock in the kitchen is wrong", "I'm watching the news", "the film starts at eight",
    "my brother is coming for lunch", "I need a new pair of shoes", "the bike has a flat tyre",
    "the car keys are by the door", "the kids are playing in the garden", "tomorrow is bin day",
    "we ought to clean the windows", "the dentist appointment is at ten", "the dishwasher tablets are under the sink",
    "let's order a takeaway", "the soup is on the stove", "can you set the table", "I'm feeling a bit tired",
    "the heating comes on at five", "the lamp in the bedroom is broken", "there's a draught from the window",
    "I'll make us a sandwich", "it's been raining all day", "the snow is melting", "the sun is out at last",
    "the meeting went really well", "I'll send you the details later", "the train is delayed by ten minutes",
    "my mum is coming over", "the shop closes at six", "we need more toilet roll", "the plants need repotting",
    "the grass is very wet", "the cooker hood is too loud", "this chair is wobbly", "turn left at the end of the road",
    "the coffee machine needs descaling", "the milk has gone off", "it's a bit chilly in here",
    "the children are doing their homework", "let's play a board game", "the puzzle is missing a piece",
    "I'll take the dog out", "the washing is still damp", "pass me the remote", "the light in the garage flickers",
    "we'll leave at nine sharp", "I need to charge my laptop", "the eggs are boiled", "lunch is at one",
    "I love this song", "turn the volume up a bit", "I'm listening to a podcast", "the band played really well",
    "the concert was amazing", "can we have some music", "play something relaxing", "that's a catchy tune",
    "one moment please", "no problem at all", "that sounds good", "I don't think so", "maybe tomorrow",
    "absolutely", "of course", "never mind", "not right now", "are you sure", "I agree", "oh really",
    "well done", "that's brilliant", "what do you mean", "come in", "sit down", "wait a second", "over there",
    "sixty five", "eighty eight", "two thousand and twenty six", "seven thirty", "ten past four",
    "fourteen fifteen sixteen", "a dozen eggs", "nineteen ninety nine", "three and a half",
    "half a kilo of flour", "the code is one three five seven", "about forty minutes",
    "hey you", "hey honey", "hey mate", "hey babe", "hey everyone", "hey look at this", "hey wait for me",
    "hey are you there", "hey can you hear me", "hey I'm home", "hey thanks", "hey good morning",
    "hey how's it going", "hey nice to see you", "hey be careful", "hey Ben", "hey Anna", "hey Amanda",
    "hey Ambrose are you ready", "hey Emily", "hey Adam", "hey Andrew", "hey Abby", "hey Ant",
    "hey Anthony", "hey Amir", "hey Amy come here", "hey everybody", "hey kids", "hey Mike",
    "ambient lighting is nice", "an ambient sound", "the ambience is lovely", "ambitious", "obedient",
    "I'm being serious", "ham and beans", "hey and bean", "hay and beans",
    "a mean dent", "the embankment", "I'm bent", "amber and beans", "hey I mean it", "Amy and Ben",
    "hey I'm bringing it", "he's ambient", "they ambled in", "hey Amble", "hey ambling",
    "the ambient light sensor", "hey ambivalent", "hey ammonia", "hey amendment",
]

# Held out from training: only the FA evaluation stream (C# bench) speaks these.
EVAL_SENTENCES = [
    "the potatoes need another ten minutes", "who left the fridge door open", "I'm going to the supermarket",
    "can you feed the fish", "the printer is out of paper", "we should paint the fence this weekend",
    "my sister is visiting on Sunday", "the soup is too salty", "the tap is dripping again",
    "let's have pasta tonight", "the lights in the hall are off", "grandma called this morning",
    "the homework is on the desk", "there is a spider in the bath", "pass me a spoon please",
    "the carrots are in the bottom drawer", "the window cleaner comes on Friday", "I'll make some toast",
    "the radio is too loud", "forty two", "seventeen", "nine hundred and ninety nine", "eight fifteen",
    "I need to renew my passport", "the parcel is at the post office", "are you hungry",
    "it's freezing outside", "that was a great film", "the rice is ready", "hey Emma can you help me",
    "the ambient noise is quite low", "Andy is at the door", "I'm busy right now", "hey there, how are you",
]


# Word lists for generated household sentences (`generated_sentences`): many more word sequences than the hand-written
# lists, so the negative stream covers more of what a kitchen hears. None of them is, or contains, an EVAL sentence.
_SUBJECTS = ["I", "we", "you", "they", "my dad", "the neighbours", "our son", "grandpa", "the kids", "my sister",
             "Tom", "Lisa", "the plumber", "auntie Jo", "the baby", "our daughter", "the man next door", "Maria"]
_VERBS = ["left", "found", "washed", "moved", "fixed", "bought", "dropped", "forgot", "packed", "borrowed", "cleaned",
          "hid", "broke", "painted", "lost", "put", "brought back", "tidied", "folded", "sold"]
_OBJECTS = ["the blue mug", "the spare key", "the green towel", "the winter coat", "a box of matches", "the big pan",
            "the old radio", "my reading glasses", "the garden chairs", "the shopping bags", "a jar of honey",
            "the red umbrella", "the library books", "the bike pump", "the photo album", "the torch", "the ladder",
            "the laundry basket", "a bag of onions", "the phone charger", "the picnic blanket", "the amber necklace"]
_PLACES = ["in the hallway", "under the sofa", "on the balcony", "by the front door", "in the car", "in the shed",
           "upstairs", "on the top shelf", "behind the curtain", "in the loft", "at the office", "at granny's house",
           "next to the bread bin", "in the boot", "on the windowsill", "in the cellar"]
_TAILS = ["", " this morning", " yesterday", " last night", " again", " on Tuesday", " an hour ago", " at the weekend",
          " just now", " before lunch"]
_QUESTIONS = ["where did {s} put {o}", "have you seen {o}", "who {v} {o}", "why is {o} {p}", "can you bring {o}",
              "did {s} remember {o}", "is {o} still {p}", "shall I fetch {o}", "could {s} look for {o}"]
_REMARKS = ["the ambulance went past a minute ago", "that was amazing", "the amber light is blinking",
            "an ambitious plan", "the bees are busy", "hey, is that the bin lorry", "hey, the bread has risen",
            "hey, it's snowing", "hey, your phone is ringing", "hey, the pasta is boiling over", "hey, look outside",
            "hey, who wants tea", "hey, dinner's ready", "hey, the bus is here", "hey, mind the step",
            "hey Tom, over here", "hey Lisa, one minute", "hey Maria, thanks", "hey Sam, are you coming",
            "hey Nina, have you eaten", "hey Omar, the door", "hey Ava, good night", "hey Leo, shoes on"]


def _key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _distinct(n: int, draw, taken: set[str]) -> list[str]:
    """Up to `n` texts from `draw()` whose letters match nothing in `taken` or drawn before (gives up after 20 n)."""
    out: list[str] = []
    seen = set(taken)
    for _ in range(n * 20):
        if len(out) >= n:
            break
        text = draw()
        if _key(text) not in seen:
            seen.add(_key(text))
            out.append(text)
    return out


def generated_sentences(n: int, seed: int) -> list[str]:
    """`n` distinct household sentences built from the word lists above (statements, questions, remarks), none of
    them an EVAL sentence. The same n and seed give the same list."""
    rng = np.random.default_rng(seed)
    pick = lambda xs: xs[int(rng.integers(len(xs)))]

    def draw() -> str:
        kind = rng.random()
        if kind < 0.55:
            return f"{pick(_SUBJECTS)} {pick(_VERBS)} {pick(_OBJECTS)} {pick(_PLACES)}{pick(_TAILS)}"
        if kind < 0.9:
            return pick(_QUESTIONS).format(s=pick(_SUBJECTS), o=pick(_OBJECTS), v=pick(_VERBS), p=pick(_PLACES))
        return pick(_REMARKS)

    return _distinct(n, draw, {_key(t) for t in EVAL_SENTENCES})


# Held-out household speech for the bench's false-accept stream (`--negatives household`), alongside EVAL_SENTENCES:
# openWakeWord measures false accepts per hour on a dinner-party corpus, so the bench needs far more than 34 sentences
# of it. Own word lists, none shared with the training lists above; a sentence that matches any training text is
# dropped (eval_household checks). Training never renders these.
_EVAL_SUBJECTS = ["Oliver", "Grace", "your uncle", "the twins", "my boss", "Priya", "the vet", "our landlord", "Noah",
                  "the postman", "granny", "Ella", "the lodger", "Dan", "Mrs Patel", "the electrician"]
_EVAL_VERBS = ["fixed", "painted", "collected", "ordered", "ate", "spilled", "returned", "booked",
               "recorded", "watered", "mended", "chopped", "counted", "sorted", "wrapped", "measured"]
_EVAL_OBJECTS = ["the tomatoes", "the birthday cake", "the bathroom tiles", "the printer ink", "the kitchen clock",
                 "the sofa cushions", "the fruit bowl", "the paddling pool", "the tent", "the chess set",
                 "the recycling bags", "the cooking oil", "the new kettle", "the dentist bill", "the school shoes",
                 "the flower pots", "the spare bulbs", "the guest room"]
_EVAL_WHEN = ["", " on Saturday", " after dinner", " before school", " last week", " at lunchtime", " this afternoon",
              " the other day", " earlier"]
_EVAL_QUESTIONS = ["did {s} remember to check {o}", "when is {s} coming back", "how much was {o}",
                   "do we still need {o}", "has anyone seen {o}", "what time does {s} finish work",
                   "should we move {o}", "is it my turn to do {o}", "who {v} {o}"]
_EVAL_REMARKS = [
    "hey Oliver, your tea is ready", "hey Grace, can you hold this", "hey Noah, put your coat on",
    "hey Priya, the taxi is here", "hey Ella, lunch is on the table", "hey Dan, shut the gate",
    "hey guys, the film is starting", "oh hey, you're back early", "hey, has the rain stopped",
    "hey, I found your keys", "hey, what's that smell", "and then she said it was fine",
    "I honestly don't mind either way", "turn it off at the wall", "it's on the second shelf",
    "we can ask them at the weekend", "the ambient temperature sensor says nineteen", "an ambient track is playing",
    "I'm being careful", "the ambulance is at number nine", "Amelia is bringing dessert",
    "Ian and Bea are on their way", "hang on, I'm on the phone", "that's not what I meant",
    "put it on my account", "the match went to extra time", "we're nearly out of bin bags",
    "Annie says hello", "the embassy called about the visa", "hey, any news from the garage",
]


def eval_household(n: int = 100, seed: int = 20261201) -> list[str]:
    """`n` held-out household sentences (statements, questions, remarks) from the _EVAL_ lists, none of them a
    training text (EVERYDAY, EVERYDAY_MORE, generated_sentences' word lists, the confusables) or an EVAL_SENTENCE.
    Fixed by its defaults: the manifest carries the list the bench speaks."""
    rng = np.random.default_rng(seed)
    pick = lambda xs: xs[int(rng.integers(len(xs)))]

    def draw() -> str:
        kind = rng.random()
        if kind < 0.5:
            return f"{pick(_EVAL_SUBJECTS)} {pick(_EVAL_VERBS)} {pick(_EVAL_OBJECTS)}{pick(_EVAL_WHEN)}"
        if kind < 0.8:
            return pick(_EVAL_QUESTIONS).format(s=pick(_EVAL_SUBJECTS), o=pick(_EVAL_OBJECTS), v=pick(_EVAL_VERBS))
        return pick(_EVAL_REMARKS)

    return _distinct(n, draw, {_key(t) for t in EVERYDAY + EVERYDAY_MORE + EVAL_SENTENCES + CONFUSABLE_HEY_AMBIENT
                               + _REMARKS})


def voice_grid(voices, variants, rates, pitches) -> list[Voice]:
    return [Voice(v, var, r, p, 100) for v, var, r, p in itertools.product(voices, variants, rates, pitches)]


def train_voices() -> list[Voice]:
    return voice_grid(TRAIN_VOICES, TRAIN_VARIANTS, TRAIN_RATES, TRAIN_PITCHES)


def heldout_voices() -> list[Voice]:
    """Held-out voice or held-out variant, always at held-out rate and pitch."""
    grid = voice_grid(TRAIN_VOICES + HELDOUT_VOICES, [""] + TRAIN_VARIANTS + HELDOUT_VARIANTS, HELDOUT_RATES,
                      HELDOUT_PITCHES)
    return [v for v in grid if v.voice in HELDOUT_VOICES or v.variant in HELDOUT_VARIANTS]


def phrase_texts(phrase: str) -> list[str]:
    """Ways of writing the phrase that change espeak-ng's prosody."""
    p = phrase.strip()
    return [p, p + ".", p + "!", p + "?", p.replace(" ", ", ", 1), p.title()]


# Wells' Diphthong Shift (London, Birmingham, Australia, New Zealand...): the closing diphthongs start lower or
# further back. espeak-ng's English phoneme mnemonics (en-us -x).
DIPHTHONG_SHIFT = {"eI": "aI", "aI": "OI", "oU": "aU", "@U": "aU", "i:": "@I", "u:": "@U"}


def _h_dropped(phonemes: str) -> str:
    """H-dropping (most of England, and many other accents): a word's initial /h/ is not said."""
    return " ".join(re.sub(r"^(['%,=]*)h(?=[^A-Za-z]|[aeiouAEIOU@VU3])", r"\1", w) for w in phonemes.split())


def _diphthong_shifted(phonemes: str) -> str:
    return re.sub("|".join(re.escape(k) for k in DIPHTHONG_SHIFT), lambda m: DIPHTHONG_SHIFT[m.group(0)], phonemes)


@functools.lru_cache(maxsize=None)
def _phonemes(text: str) -> str:
    # One espeak-ng process per text: pronunciations() asks for every confusable's phonemes, and train.py asks twice
    # (to render, and for the manifest).
    return subprocess.run(["espeak-ng", "-q", "-x", "-v", "en-us", text], capture_output=True, text=True,
                          check=True).stdout.strip()


def _accented(phonemes: str) -> set[str]:
    return {phonemes, _h_dropped(phonemes), _diphthong_shifted(phonemes), _diphthong_shifted(_h_dropped(phonemes))}


# Other ways of saying a phrase that wake the device too. Said in an accent with Wells' diphthong shift (London,
# Birmingham, Australia...), "hey" is "hi": a model that must tell "hey ambient" from "hi ambient" cannot hear those
# households. Nobody says "hi ambient" by accident, so it wakes the device as well; it is trained on as a positive and
# left out of every negative set (training, calibration, the bench's).
ALIASES = {"hey ambient": ["hi ambient"]}


def _norm(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalpha())


def aliases(phrase: str) -> list[str]:
    return ALIASES.get(phrase.lower().strip(), [])


def is_alias(text: str, phrase: str) -> bool:
    return _norm(text) in {_norm(a) for a in aliases(phrase)}


def pronunciations(phrase: str, with_aliases: bool = True) -> list[str]:
    """The phrase as accents say it that no training voice does: h-dropped, diphthong-shifted and both, as espeak-ng
    phoneme input ("[[...]]", en-us mnemonics), for training voices to render. A variant that the same accents would
    also make of a confusable is left out (without aliases, diphthong-shifted "hey ambient" is "hi ambient", a
    confusable). Empty when nothing is left."""
    base = _phonemes(phrase)
    negatives = [c for c in make_confusables(phrase) if not (with_aliases and is_alias(c, phrase))]
    ambiguous = set().union(*(_accented(_phonemes(c)) for c in negatives))
    out = []
    for v in (_h_dropped(base), _diphthong_shifted(base), _diphthong_shifted(_h_dropped(base))):
        if v != base and v not in out and v not in ambiguous:
            out.append(v)
    return [f"[[{v}]]" for v in out]


def make_confusables(phrase: str) -> list[str]:
    """Confusable negatives for any phrase: single words, word pairs with a word swapped, the phrase's words cut up;
    plus the hand-written list when the phrase is "hey ambient". Never the phrase itself. Its aliases are in the list
    (the renders are cached by it); callers that train or measure drop them (`is_alias`)."""
    words = phrase.lower().split()
    out = set()
    for w in words:
        out.add(w)
    fillers = ["hey", "hi", "okay", "say", "the", "a", "and", "I'm", "busy", "Andy", "Emma", "amber", "hello"]
    for i in range(len(words)):
        for f in fillers:
            swapped = words.copy()
            swapped[i] = f
            out.add(" ".join(swapped))
    if len(words) > 1:
        out.add(" ".join(words[1:]))
        out.add(" ".join(words[:-1]))
        out.add(words[-1] + " " + words[0])
    if phrase.lower().strip() == "hey ambient":
        out.update(s.lower() for s in CONFUSABLE_HEY_AMBIENT)
    return sorted(s for s in out if _norm(s) != _norm(phrase) and s.strip())


# Words that rhyme with or end like "hey" (and other short openers) for near_misses(): training only. The bench's
# negatives stay make_confusables(), so these widen what the model refuses without touching what it is measured on.
NEAR_MISS_WORDS = ["okay", "OK", "play", "stay", "today", "away", "pay", "may", "day", "grey", "they", "Ray", "Kay",
                   "Jay", "bay", "pray", "weigh", "sleigh", "obey", "café", "so", "yeah", "hmm", "oh", "well", "right"]


def near_misses(phrase: str, wide: bool = True) -> list[str]:
    """The phrase with its first word replaced ("okay ambient", "play ambient", ...): the family behind almost every
    false accept on the bench. make_confusables' own members of the family, plus NEAR_MISS_WORDS when `wide`; never
    the phrase, an alias or a word that sounds like the first one. Empty for a one-word phrase."""
    words = phrase.lower().split()
    if len(words) < 2:
        return []
    rest = " ".join(words[1:])
    family = {t for t in make_confusables(phrase) if t.endswith(" " + rest) and len(t.split()) <= len(words) + 1}
    if wide:
        family.update(f"{w} {rest}" for w in NEAR_MISS_WORDS if _norm(w) != _norm(words[0]))
    return sorted(t for t in family if _norm(t) != _norm(phrase) and not is_alias(t, phrase))


def accented_near_misses(phrase: str, wide: bool = True, with_aliases: bool = True) -> list[str]:
    """The near misses as the accents of pronunciations() say them (h-dropped, diphthong-shifted: "okay ambient" as
    "aUk'aI 'ambi@nt"), as espeak-ng phoneme input, for training voices to render as negatives. The positives get
    those accents (pronunciations()); without the same on the near misses, an accent's shifted vowel tells the model
    "positive" on its own. Only the variants a training voice would not say anyway, and never one that is also an
    accented form of the phrase or an alias."""
    positives = set().union(*(_accented(_phonemes(p)) for p in [phrase] + (ALIASES.get(phrase.lower().strip(), [])
                                                                          if with_aliases else [])))
    out = []
    for text in near_misses(phrase, wide):
        plain = _phonemes(text)
        for v in sorted(_accented(plain) - {plain}):
            if v not in positives and f"[[{v}]]" not in out:
                out.append(f"[[{v}]]")
    return out


def sample(items, n, rng: np.random.Generator):
    idx = rng.choice(len(items), size=min(n, len(items)), replace=False)
    return [items[i] for i in idx]
