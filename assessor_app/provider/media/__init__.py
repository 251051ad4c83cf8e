"""Media derived from sealed evidence: browser-playable proxies of video segments, served by range."""
