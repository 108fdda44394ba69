import type { RelationshipType } from '../../model/graph-model.js';

/**
 * A cue: a pattern of a sentence that states a relation. Patterns are written over the sentence
 * with its entity mentions replaced by slots:
 *   {from:A} {to:M}  the fact's endpoints: A actor (person or organization), P person,
 *                    O organization, M meeting, T theme, L place
 *   {O} {M} …        a mention of that kind that is not an endpoint
 *   …                a short gap (at most 80 characters, within the clause)
 *   ~                a few words (at most six)
 * and plain regular expression otherwise (matched ignoring case; ’ is read as ').
 * An endpoint missing from the pattern is the meeting the sentence is about (its focus), or with
 * `anaphor`, the person named last. An object followed by others of its kind ("avec l'ASEAN et
 * l'AIPR", "notamment X, Y") gives one fact per object.
 */
export interface RelationCue {
  id: string;
  type: RelationshipType;
  pattern: string;
  /** role of a PARTICIPATED_IN, MEMBER_OF or COOPERATED_WITH fact. */
  role?: string;
  /**
   * `person`: a pattern without {from} whose subject is a pronoun or a bare title ("Il a
   * proposé", "Le vice-ministre a appelé"): the subject is the person named last before it.
   * `state`: a presidency whose holder goes unnamed ("la présidence de l'Année 2020 de
   * l'ASEAN"): the state named last before it.
   */
  anaphor?: 'person' | 'state';
  /**
   * Where a MEMBER_OF or PRESIDED fact's period is read: `after` the match (default: "membre …
   * pour la période 2020-2021") or `within` it ("la présidence de l'Année 2020 de l'ASEAN").
   */
  dates?: 'after' | 'within';
  confidence: number;
  /** A real sentence the cue was written from (the test of the tables checks that it matches). */
  example: string;
}

/** A title that names a person's position ("le vice-ministre des Affaires étrangères, X"). */
export interface TitleCue {
  pattern: string;
  /** The title in English, as the seed writes it. */
  title: string;
  /** The office, when the title implies one of a state ("Ministry of Foreign Affairs"). */
  ministry?: { en: string; local: string };
}

export type MeetingKind =
  | 'debate'
  | 'high_level_debate'
  | 'meeting'
  | 'session'
  | 'dialogue'
  | 'workshop'
  | 'congress'
  | 'series'
  | 'conference';

export interface LanguageCues {
  relations: RelationCue[];
  titles: TitleCue[];
  /** Meeting head nouns (longest first is not required: the longest match wins). */
  meetingHeads: { pattern: string; kind: MeetingKind }[];
  /** Words for "event" that refer back to the meeting in focus. */
  eventWords: string;
  /** Determiners that make a head noun refer back ("ce débat", "the dialogue"). */
  definite: string;
  /** Determiners that introduce a new meeting ("un débat"). */
  indefinite: string;
  ordinals: Record<string, number>;
  /** Nationality adjectives and the state they name (its name as the graph spells it). */
  demonyms: Record<string, string>;
  /** Where a meeting's complement (its topic, its organizer) ends. */
  complementStop: string;
  /** Patterns whose group 1 names a theme, new or known. */
  themes: string[];
  /** Organization head words, for names defined with an acronym ("Institut … (AIPR)"). */
  organizationHeads: string;
  /** A place after a verb of meeting ("s'est ouvert à Hanoï"). */
  place: string;
  /** An organizer or host named after its verb ("organisé par l'Union africaine"): group 1. */
  organizer: string;
  /**
   * A person heading a delegation to a meeting ("chef de la délégation vietnamienne aux réunions
   * …"): `phrase` is the delegation's words up to the meeting's name, `demonym` its state's
   * adjective; the meeting's mention follows the match.
   */
  delegation: string;
  /** "since" in "the first … since …" (FIRST_SINCE). */
  since: string;
  /** Words that join two objects of one statement ("l'ASEAN et l'AIPR"). */
  coordination: string;
  /** Determiners and prepositions a coordinated object may repeat ("… et de la prévention"). */
  coordinatedDeterminers: string;
  /** Speech verbs: a person who speaks at the meeting in focus took part in it. */
  connectorWords: string[];
}
